package dev.ticketing.testing;

import dev.ticketing.Dependencies;
import dev.ticketing.attachments.AttachmentDependencies;
import dev.ticketing.config.Config;
import dev.ticketing.service.AttachmentService;
import dev.ticketing.store.s3.S3Clients;
import dev.ticketing.testkit.TestTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Attachment test data: a bucket of its own on the test engine (moto serves S3 on the port it serves DynamoDB on),
 * the production object graph pointed at it, and plain HTTP to use upload and download URLs as a client would.
 */
public final class AttachmentFixtures {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AttachmentFixtures() {
    }

    /** A new, empty bucket on the engine of {@code table}. */
    public static String createBucket(TestTable table) {
        String bucket = "attachments-" + UUID.randomUUID().toString().substring(0, 13);
        try (S3Client s3 = S3Clients.local(table.endpoint())) {
            s3.createBucket(r -> r.bucket(bucket));
        }
        return bucket;
    }

    /** The settings of a test table and bucket, as the attachment functions get them on a local engine. */
    public static Config config(TestTable table, String bucket) {
        return Config.from(Map.of(Config.TABLE_NAME, table.tableName(),
                Config.DYNAMODB_ENDPOINT, table.endpoint().toString(),
                Config.TOKEN_SECRET, Fixtures.TEST_TOKEN_SECRET,
                Config.ATTACHMENTS_BUCKET, bucket,
                Config.S3_ENDPOINT, table.endpoint().toString()));
    }

    public static Dependencies dependencies(TestTable table, String bucket) {
        return new Dependencies(config(table, bucket), table.newClient());
    }

    public static AttachmentService service(Dependencies dependencies) {
        return AttachmentDependencies.create(dependencies);
    }

    public static S3Client s3(TestTable table) {
        return S3Clients.local(table.endpoint());
    }

    /** A GET of {@code url}, as a browser following a download link would send it. */
    public static HttpResponse<byte[]> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** A PUT of {@code body} to an upload URL with the headers that came with it. */
    public static HttpResponse<byte[]> put(String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                request.header(name, value);
            }
        });
        return send(request.build());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
