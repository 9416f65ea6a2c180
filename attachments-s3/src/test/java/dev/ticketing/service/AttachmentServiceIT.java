package dev.ticketing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketing.Dependencies;
import dev.ticketing.error.ForbiddenException;
import dev.ticketing.error.NotFoundException;
import dev.ticketing.error.ValidationException;
import dev.ticketing.json.Json;
import dev.ticketing.model.Activity;
import dev.ticketing.model.Ticket;
import dev.ticketing.store.s3.S3AttachmentFiles;
import dev.ticketing.testing.AttachmentFixtures;
import dev.ticketing.testing.FailTransactions;
import dev.ticketing.testing.Fixtures;
import dev.ticketing.testkit.DynamoDbEngine;
import dev.ticketing.testkit.TestTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Attachments through the service, on moto's DynamoDB and S3: what is stored, what is answered, what is refused. */
@ExtendWith(DynamoDbEngine.class)
class AttachmentServiceIT {

    private static final String USER =
            "{\"id\": \"agent-1\", \"name\": \"Alex Agent\", \"email\": \"alex@example.com\"}";

    private static TestTable table;
    private static String bucket;
    private static Dependencies deps;
    private static AttachmentService service;
    private static S3Client s3;

    @BeforeAll
    static void setUp(TestTable testTable) {
        table = testTable;
        bucket = AttachmentFixtures.createBucket(table);
        deps = AttachmentFixtures.dependencies(table, bucket);
        service = AttachmentFixtures.service(deps);
        s3 = AttachmentFixtures.s3(table);
    }

    @Test
    void links_areOneCommentActivity_andTheTicketsNextVersion() {
        Ticket ticket = newTicket();

        AttachmentActivity recorded = recorded(service.post(ticket.instanceId(), ticket.id(), json("{\"comment\": "
                + "\"Links attached.\", \"attachments\": [{\"src\": \"https://contoso.sharepoint.com/a\", "
                + "\"caption\": \"Spec\"}, {\"src\": \"http://example.com/b\"}], \"user\": " + USER + "}")));

        assertThat(recorded.attachments()).extracting(ResolvedAttachment::url)
                .containsExactly("https://contoso.sharepoint.com/a", "http://example.com/b");
        assertThat(recorded.ticket().version()).isEqualTo(ticket.version() + 1);
        assertThat(recorded.ticket().firstResponseOn()).isEqualTo(recorded.activity().createdOn());
        List<Activity> history = deps.ticketLifecycleService().activities(ticket.instanceId(), ticket.id(),
                PageRequest.first(10), true)
                .items();
        Activity last = history.get(history.size() - 1);
        assertThat(last.id()).isEqualTo(recorded.activity().id());
        assertThat(last.details().path("comment").asText()).isEqualTo("Links attached.");
        assertThat(last.details().at("/attachments/0/src").asText()).isEqualTo("https://contoso.sharepoint.com/a");
        assertThat(service.ofActivity(ticket.instanceId(), last.id())).extracting(r -> r.attachment().caption())
                .containsExactly("Spec", null);
    }

    @Test
    void multipartFiles_areStoredUnderTheTicket_andDownloadableThroughShortLivedUrls() {
        Ticket ticket = newTicket();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};

        AttachmentActivity recorded = service.upload(ticket.instanceId(), Long.toString(ticket.ticketId()), List.of(
                new UploadPart("files", "C:\\fakepath\\screen shot.png", "image/png", png),
                new UploadPart("files", "log.txt", "text/plain; charset=utf-8", utf8("line 1\n")),
                new UploadPart("comment", null, null, utf8("Files attached.")),
                new UploadPart("isPrivate", null, null, utf8("true")),
                new UploadPart("user", null, null, utf8(USER))));

        assertThat(recorded.attachments()).extracting(r -> r.attachment().fileName())
                .containsExactly("screen shot.png", "log.txt");
        assertThat(recorded.attachments()).allSatisfy(r -> assertThat(r.attachment().isPrivate()).isTrue());
        List<ResolvedAttachment> listed = service.list(ticket.instanceId(), ticket.id(), PageRequest.first(10)).items();
        assertThat(listed).extracting(r -> r.attachment().id())
                .containsExactlyElementsOf(recorded.attachments().stream().map(r -> r.attachment().id()).toList());
        HttpResponse<byte[]> download = AttachmentFixtures.get(listed.get(0).url());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).containsExactly(png);
        assertThat(listed.get(0).urlExpiresOn()).isAfter(recorded.activity().createdOn());
        assertThat(new String(AttachmentFixtures.get(listed.get(1).url()).body(), StandardCharsets.UTF_8))
                .isEqualTo("line 1\n");
        assertThat(objects(ticket)).hasSize(2).allSatisfy(key -> assertThat(key)
                .startsWith(ticket.instanceId() + "/" + String.format("%010d", ticket.ticketId()) + "/"));
    }

    @Test
    void uploadUrl_theFileIsVisibleOnlyOnceUploadedAndCompleted() {
        Ticket ticket = newTicket();
        byte[] content = "%PDF-1.7 a big report".getBytes(StandardCharsets.UTF_8);

        UploadGrant grant = ((AttachmentService.UploadStarted) service.post(ticket.instanceId(), ticket.id(),
                json("{\"upload\": {\"fileName\": \"report.pdf\", \"contentType\": \"application/pdf\", \"size\": "
                        + content.length + "}, \"comment\": \"The report\", \"user\": " + USER + "}"))).grant();

        assertThat(service.list(ticket.instanceId(), ticket.id(), PageRequest.first(10)).items()).isEmpty();
        ValidationException early = catchThrowableOfType(ValidationException.class, () -> service.post(
                ticket.instanceId(), ticket.id(), json("{\"uploadId\": \"" + grant.uploadId() + "\"}")));
        assertThat(early.details().get(0).field()).isEqualTo("uploadId");
        assertThat(early.details().get(0).message()).contains("not been uploaded");

        HttpResponse<byte[]> put = AttachmentFixtures.put(grant.target().url().toString(), grant.target().headers(),
                content);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(service.list(ticket.instanceId(), ticket.id(), PageRequest.first(10)).items()).isEmpty();

        AttachmentActivity completed = recorded(service.post(ticket.instanceId(), ticket.id(),
                json("{\"uploadId\": \"" + grant.uploadId() + "\"}")));

        assertThat(completed.activity().details().path("comment").asText()).isEqualTo("The report");
        assertThat(completed.attachments()).singleElement().satisfies(r -> {
            assertThat(r.attachment().id()).isEqualTo(grant.uploadId());
            assertThat(r.attachment().size()).isEqualTo(content.length);
        });
        List<ResolvedAttachment> listed = service.list(ticket.instanceId(), ticket.id(), PageRequest.first(10)).items();
        assertThat(listed).hasSize(1);
        assertThat(AttachmentFixtures.get(listed.get(0).url()).body()).containsExactly(content);
        assertThat(tag(ticket, grant.uploadId())).isEqualTo(S3AttachmentFiles.REFERENCED);

        AttachmentActivity repeated = recorded(service.post(ticket.instanceId(), ticket.id(),
                json("{\"uploadId\": \"" + grant.uploadId() + "\"}")));
        assertThat(repeated.activity().id()).isEqualTo(completed.activity().id());
        assertThat(service.list(ticket.instanceId(), ticket.id(), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void uploadUrl_completedWithAnotherSize_isRefused_andRecordsNothing() {
        Ticket ticket = newTicket();
        UploadGrant grant = ((AttachmentService.UploadStarted) service.post(ticket.instanceId(), ticket.id(),
                json("{\"upload\": {\"fileName\": \"a.txt\", \"contentType\": \"text/plain\", \"size\": 3}, "
                        + "\"user\": " + USER + "}"))).grant();
        // S3 would refuse this PUT (the length is signed); moto does not check signatures, so the check below must.
        AttachmentFixtures.put(grant.target().url().toString(), grant.target().headers(), utf8("four"));

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> service.post(
                ticket.instanceId(), ticket.id(), json("{\"uploadId\": \"" + grant.uploadId() + "\"}")));

        assertThat(e.details().get(0).field()).isEqualTo("uploadId");
        assertThat(e.details().get(0).message()).contains("3 bytes", "4 bytes");
        assertThat(service.list(ticket.instanceId(), ticket.id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(tag(ticket, grant.uploadId())).isEqualTo(S3AttachmentFiles.UNREFERENCED);
    }

    @Test
    void aFailedTransaction_leavesNoRecord_andMarksTheStoredFilesForRemoval() {
        Ticket ticket = newTicket();
        AttachmentService failing = AttachmentFixtures.service(new Dependencies(AttachmentFixtures.config(table,
                bucket), table.newClient(new FailTransactions())));

        assertThatThrownBy(() -> failing.upload(ticket.instanceId(), ticket.id(), List.of(
                new UploadPart("files", "a.txt", "text/plain", utf8("a")),
                new UploadPart("user", null, null, utf8(USER))))).isInstanceOf(IllegalStateException.class);

        assertThat(service.list(ticket.instanceId(), ticket.id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(deps.ticketService().get(ticket.instanceId(), ticket.id()).version()).isEqualTo(ticket.version());
        assertThat(objects(ticket)).singleElement().satisfies(key -> assertThat(tag(key))
                .isEqualTo(S3AttachmentFiles.UNREFERENCED));
    }

    @Test
    void anInvalidUpload_storesNoFile() {
        Ticket ticket = newTicket();

        assertThatThrownBy(() -> service.upload(ticket.instanceId(), ticket.id(), List.of(
                new UploadPart("files", "page.html", "text/html", utf8("<script>")),
                new UploadPart("user", null, null, utf8(USER))))).isInstanceOf(ValidationException.class);

        assertThat(objects(ticket)).isEmpty();
    }

    @Test
    void anotherInstancesTicketActivityAndUpload_areNotFound() {
        Ticket mine = newTicket();
        Ticket theirs = newTicket();
        AttachmentActivity theirLinks = recorded(service.post(theirs.instanceId(), theirs.id(), json(
                "{\"attachments\": [{\"src\": \"https://example.com/theirs\"}], \"user\": " + USER + "}")));
        UploadGrant theirUpload = ((AttachmentService.UploadStarted) service.post(theirs.instanceId(), "1",
                json("{\"upload\": {\"fileName\": \"a.txt\", \"contentType\": \"text/plain\", \"size\": 1}, "
                        + "\"user\": " + USER + "}"))).grant();
        AttachmentFixtures.put(theirUpload.target().url().toString(), theirUpload.target().headers(), utf8("x"));
        String me = mine.instanceId();

        assertThatThrownBy(() -> service.list(me, theirs.id(), PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.post(me, theirs.id(), json("{\"attachments\": [{\"src\": "
                + "\"https://example.com\"}], \"user\": " + USER + "}"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.ofActivity(me, theirLinks.activity().id()))
                .isInstanceOf(NotFoundException.class);
        // Both instances have a ticket 1: the upload id of the other's is still unknown to this one.
        assertThatThrownBy(() -> service.post(me, "1", json("{\"uploadId\": \"" + theirUpload.uploadId() + "\"}")))
                .isInstanceOf(NotFoundException.class);
        assertThat(service.list(me, "1", PageRequest.first(10)).items()).isEmpty();
        assertThat(service.list(theirs.instanceId(), "1", PageRequest.first(10)).items())
                .extracting(r -> r.attachment().src())
                .containsExactly("https://example.com/theirs");
    }

    @Test
    void aDisabledInstance_isForbidden_everywhere() {
        Ticket ticket = Fixtures.ticketOfADisabledInstance(deps);

        assertThatThrownBy(() -> service.list(ticket.instanceId(), "1", PageRequest.first(10)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.ofActivity(ticket.instanceId(), "00000000-0000-0000-0000-000000000000"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.upload(ticket.instanceId(), "1", List.of()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void activityAttachments_ofACommentOrANonUuid_areNotFound() {
        Ticket ticket = newTicket();
        Activity created = deps.ticketLifecycleService().activities(ticket.instanceId(), ticket.id(),
                PageRequest.first(1), true)
                .items().get(0);

        assertThatThrownBy(() -> service.ofActivity(ticket.instanceId(), created.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.ofActivity(ticket.instanceId(), "../../x"))
                .isInstanceOf(NotFoundException.class);
    }

    private static Ticket newTicket() {
        String instanceId = Fixtures.createDemoInstance(deps).instanceId();
        return deps.ticketService().create(instanceId, Fixtures.referenceExampleJson("create-ticket-example-1.json"));
    }

    private static AttachmentActivity recorded(AttachmentService.Outcome outcome) {
        return ((AttachmentService.Recorded) outcome).activity();
    }

    private static List<String> objects(Ticket ticket) {
        ListObjectsV2Response listing = s3.listObjectsV2(r -> r.bucket(bucket).prefix(ticket.instanceId() + "/"));
        return listing.contents().stream().map(S3Object::key).toList();
    }

    private static String tag(Ticket ticket, String attachmentId) {
        return tag(ticket.instanceId() + "/" + String.format("%010d", ticket.ticketId()) + "/" + attachmentId);
    }

    private static String tag(String key) {
        return s3.getObjectTagging(r -> r.bucket(bucket).key(key)).tagSet().get(0).value();
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
