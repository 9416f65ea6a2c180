package dev.ticketing.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.store.AttachmentFiles.Download;
import dev.ticketing.store.AttachmentFiles.FileRef;
import dev.ticketing.store.AttachmentFiles.StoredFile;
import dev.ticketing.store.AttachmentFiles.UploadTarget;
import dev.ticketing.testing.AttachmentFixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/** The S3 adapter against moto's S3: keys, tags, upload and download URLs used over plain HTTP. */
@ExtendWith(DynamoDbEngine.class)
class S3AttachmentFilesIT {

    private static S3AttachmentFiles files;
    private static S3Client s3;
    private static String bucket;

    @BeforeAll
    static void setUp(TestTable table) {
        bucket = AttachmentFixtures.createBucket(table);
        files = S3AttachmentFiles.create(AttachmentFixtures.config(table, bucket));
        s3 = AttachmentFixtures.s3(table);
    }

    @Test
    void store_keepsTheBytesUnderTheInstanceAndTicket_taggedReferenced() {
        FileRef file = newFile();

        files.store(file, "hello".getBytes(StandardCharsets.UTF_8), "text/plain");

        String key = "instance-a/0000000042/" + file.attachmentId();
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String()).isEqualTo("hello");
        assertThat(tags(key)).containsExactly(Map.entry(S3AttachmentFiles.STATE_TAG, S3AttachmentFiles.REFERENCED));
        assertThat(files.find(file)).contains(new StoredFile(5, "text/plain"));
    }

    @Test
    void find_ofNothingStored_isEmpty() {
        assertThat(files.find(newFile())).isEmpty();
    }

    @Test
    void uploadTarget_acceptsAPutWithItsHeaders_taggedUnreferenced_untilMarkedReferenced() {
        FileRef file = newFile();
        byte[] content = "a larger report".getBytes(StandardCharsets.UTF_8);

        UploadTarget target = files.uploadTarget(file, "application/pdf", content.length, Duration.ofMinutes(5));
        HttpResponse<byte[]> put = AttachmentFixtures.put(target.url().toString(), target.headers(), content);

        assertThat(target.method()).isEqualTo("PUT");
        // Signed, so S3 itself refuses another size, type or tag.
        assertThat(target.headers()).containsEntry("Content-Type", "application/pdf")
                .containsEntry("Content-Length", Integer.toString(content.length))
                .containsEntry("x-amz-tagging", S3AttachmentFiles.STATE_TAG + "=" + S3AttachmentFiles.UNREFERENCED);
        assertThat(target.expiresOn()).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
        assertThat(put.statusCode()).isEqualTo(200);
        String key = S3AttachmentFiles.objectKey(file);
        assertThat(tags(key)).containsExactly(Map.entry(S3AttachmentFiles.STATE_TAG, S3AttachmentFiles.UNREFERENCED));
        assertThat(files.find(file)).contains(new StoredFile(content.length, "application/pdf"));

        files.markReferenced(file);

        assertThat(tags(key)).containsExactly(Map.entry(S3AttachmentFiles.STATE_TAG, S3AttachmentFiles.REFERENCED));
    }

    @Test
    void download_servesTheBytes_asAnAttachmentNamedAfterTheFile() {
        FileRef file = newFile();
        files.store(file, new byte[] {1, 2, 3}, "image/png");

        Download download = files.download(file, "Résumé \"final\".png", "image/png", Duration.ofMinutes(1));
        HttpResponse<byte[]> response = AttachmentFixtures.get(download.url().toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsExactly(1, 2, 3);
        assertThat(response.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"R_sum_ _final_.png\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.png");
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
    }

    @Test
    void markUnreferenced_ofAStoredFile_tagsItForTheLifecycleRule() {
        FileRef file = newFile();
        files.store(file, new byte[] {1}, "text/plain");

        files.markUnreferenced(file);

        assertThat(tags(S3AttachmentFiles.objectKey(file)))
                .containsExactly(Map.entry(S3AttachmentFiles.STATE_TAG, S3AttachmentFiles.UNREFERENCED));
    }

    @Test
    void markUnreferenced_ofNothingStored_failsQuietly() {
        files.markUnreferenced(newFile());
    }

    private static FileRef newFile() {
        return new FileRef("instance-a", 42, UUID.randomUUID().toString());
    }

    private static Map<String, String> tags(String key) {
        return s3.getObjectTagging(r -> r.bucket(bucket).key(key)).tagSet().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }
}
