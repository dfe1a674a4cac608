package io.maple.devserver;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.function.IntFunction;

/** A port-bound test server, patched or not, and a client of it; closed together. */
final class ServerUnderTest implements AutoCloseable {

    final Closeable server;
    final WorkflowServiceStubs service;
    final WorkflowClient client;

    ServerUnderTest(IntFunction<Closeable> start) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        this.server = start.apply(port);
        this.service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
        this.client = WorkflowClient.newInstance(service);
    }

    @Override
    public void close() throws IOException {
        service.shutdownNow();
        server.close();
    }
}
