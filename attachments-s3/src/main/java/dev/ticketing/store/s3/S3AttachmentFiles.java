package dev.ticketing.store.s3;

import dev.ticketing.config.Config;
import dev.ticketing.store.AttachmentFiles;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Attachment files in one S3 bucket, under {@code <instanceId>/<ticket number, 10 digits>/<attachmentId>}: a
 * ticket's files share a prefix, and every key starts with its instance. Whether a file is referenced is the tag
 * {@value #STATE_TAG}: {@value #REFERENCED}, or {@value #UNREFERENCED}, which the bucket's lifecycle rule expires
 * (template.yaml, AttachmentsBucket). Upload URLs require the unreferenced tag, so a file uploaded and never
 * completed goes away on its own.
 */
public final class S3AttachmentFiles implements AttachmentFiles {

    private static final Logger LOG = LoggerFactory.getLogger(S3AttachmentFiles.class);

    public static final String STATE_TAG = "ticketing-state";
    public static final String REFERENCED = "attached";
    public static final String UNREFERENCED = "pending";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3AttachmentFiles(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** The bucket named by the configuration, with a client and a presigner built from it. */
    public static S3AttachmentFiles create(Config config) {
        String bucket = config.attachmentsBucket().orElseThrow(() -> new IllegalStateException(
                "Environment variable " + Config.ATTACHMENTS_BUCKET + " is not set"));
        return new S3AttachmentFiles(S3Clients.client(config), S3Clients.presigner(config), bucket);
    }

    static String objectKey(FileRef file) {
        return file.instanceId() + "/" + String.format("%010d", file.ticketNumber()) + "/" + file.attachmentId();
    }

    @Override
    public void store(FileRef file, byte[] content, String contentType) {
        s3.putObject(r -> r.bucket(bucket).key(objectKey(file)).contentType(contentType)
                .tagging(tag(REFERENCED)), RequestBody.fromBytes(content));
    }

    @Override
    public UploadTarget uploadTarget(FileRef file, String contentType, long size, Duration validity) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p.signatureDuration(validity)
                .putObjectRequest(o -> o.bucket(bucket).key(objectKey(file)).contentType(contentType)
                        .contentLength(size).tagging(tag(UNREFERENCED))));
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            // The client's HTTP library sets Host from the URL itself.
            if (!name.equalsIgnoreCase("host")) {
                headers.put(conventional(name), String.join(",", values));
            }
        });
        return new UploadTarget(uri(presigned.url().toString()), presigned.httpRequest().method().name(), headers,
                presigned.expiration());
    }

    @Override
    public Optional<StoredFile> find(FileRef file) {
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(objectKey(file)));
            return Optional.of(new StoredFile(head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // HEAD answers carry no error body, so a missing key can come back as a bare 404.
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void markReferenced(FileRef file) {
        setState(file, REFERENCED);
    }

    @Override
    public void markUnreferenced(FileRef file) {
        try {
            setState(file, UNREFERENCED);
        } catch (SdkException e) {
            // The file stays tagged referenced with no record: storage wasted, nothing wrong shown to anyone.
            LOG.error("could not mark an attachment file unreferenced: key {}, {}", objectKey(file),
                    e.getClass().getName());
        }
    }

    private void setState(FileRef file, String state) {
        s3.putObjectTagging(r -> r.bucket(bucket).key(objectKey(file))
                .tagging(t -> t.tagSet(List.of(Tag.builder().key(STATE_TAG).value(state).build()))));
    }

    @Override
    public Download download(FileRef file, String fileName, String contentType, Duration validity) {
        PresignedGetObjectRequest presigned = presigner.presignGetObject(p -> p.signatureDuration(validity)
                .getObjectRequest(o -> o.bucket(bucket).key(objectKey(file))
                        .responseContentType(contentType)
                        .responseContentDisposition(contentDisposition(fileName))));
        return new Download(uri(presigned.url().toString()), presigned.expiration());
    }

    /**
     * Always a download, never shown inline (RFC 6266): an ASCII name for old clients, the exact name as
     * {@code filename*} (RFC 5987) for the others.
     */
    static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\'
                ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(fileName);
    }

    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            out.append(plain ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }

    private static String tag(String state) {
        return STATE_TAG + "=" + state;
    }

    /** {@code content-type} as {@code Content-Type}: what HTTP libraries and people write. */
    private static String conventional(String header) {
        StringBuilder name = new StringBuilder(header.length());
        boolean upper = true;
        for (char c : header.toCharArray()) {
            name.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        String result = name.toString();
        return result.toLowerCase(Locale.ROOT).startsWith("x-amz-") ? result.toLowerCase(Locale.ROOT) : result;
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The presigner made an invalid URL", e);
        }
    }
}
