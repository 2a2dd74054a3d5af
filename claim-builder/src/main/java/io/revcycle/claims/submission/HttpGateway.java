package io.revcycle.claims.submission;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs each interchange to the clearinghouse's URL as {@code application/edi-x12}, with the file
 * name in the {@code X-Filename} header. Any non-2xx answer is a failed delivery.
 */
public final class HttpGateway implements ClaimGateway {

    private final URI url;
    private final HttpClient client;
    private final Duration timeout;

    public HttpGateway(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void submit(String fileName, byte[] interchange) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/edi-x12")
                .header("X-Filename", fileName)
                .POST(HttpRequest.BodyPublishers.ofByteArray(interchange))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("clearinghouse answered " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while submitting " + fileName, e);
        }
    }
}
