package dev.ticketing.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class MotoServerIT {

    @Test
    void answersDynamoDbCallsOnAFreePortUntilClosed() {
        MotoServer server = MotoServer.start();
        try (DynamoDbClient client = LocalDynamoDb.newClient(server.endpoint())) {
            assertThat(server.endpoint().getHost()).isEqualTo(MotoServer.HOST);
            assertThat(client.listTables().tableNames()).isNotNull();
        } finally {
            server.close();
        }

        assertThatThrownBy(() -> connect(server.port())).isInstanceOf(IOException.class);
        assertThat(Files.exists(server.log())).isFalse();
    }

    @Test
    void startsOnTheRequestedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(MotoServer.HOST))) {
            port = socket.getLocalPort();
        }

        try (MotoServer server = MotoServer.start(port)) {
            assertThat(server.endpoint().getPort()).isEqualTo(port);
            connect(port);
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(MotoServer.HOST, port), 1_000);
        }
    }
}
