package io.maple.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The signature Maple sends against the algorithm the README documents: a vector computed outside Java
 * ({@code python3 -c "import hmac,hashlib; print(hmac.new(b'receiver-secret',
 * b'1767225600.{\"executionId\":7,\"newStatus\":\"SUCCEED\"}', hashlib.sha256).hexdigest())"}), and a
 * receiver's check written from the README that refuses a changed body, a stale timestamp or another secret.
 */
class WebhookSignatureTest {

    private static final String SECRET = "receiver-secret";
    private static final long T = 1_767_225_600L;
    private static final byte[] BODY = "{\"executionId\":7,\"newStatus\":\"SUCCEED\"}".getBytes(StandardCharsets.UTF_8);
    private static final String PYTHON_HMAC = "98b540db0add3f6b5f8d0b092f5a96cead949cfb98a14ebee378bd7dae25beb9";

    @Test
    void theSignatureIsTheDocumentedHmac() {
        assertThat(WebhookActivitiesImpl.sign(SECRET, T, BODY)).isEqualTo("t=" + T + ",sha256=" + PYTHON_HMAC);
    }

    @Test
    void aReceiverAcceptsAFreshDeliveryAndRefusesAChangedOneOrAReplay() {
        String signature = WebhookActivitiesImpl.sign(SECRET, T, BODY);
        Instant now = Instant.ofEpochSecond(T + 10);

        assertThat(ReceiverSignatureCheck.refusal(SECRET, Long.toString(T), signature, BODY, now)).isNull();
        byte[] changed = "{\"executionId\":8,\"newStatus\":\"SUCCEED\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(ReceiverSignatureCheck.refusal(SECRET, Long.toString(T), signature, changed, now))
                .isEqualTo("bad signature");
        assertThat(ReceiverSignatureCheck.refusal("another-secret", Long.toString(T), signature, BODY, now))
                .isEqualTo("bad signature");
        // the same delivery replayed six minutes later
        assertThat(ReceiverSignatureCheck.refusal(SECRET, Long.toString(T), signature, BODY,
                Instant.ofEpochSecond(T + 6 * 60))).isEqualTo("stale timestamp");
        // a fresh timestamp header on an old signature
        assertThat(ReceiverSignatureCheck.refusal(SECRET, Long.toString(T + 400), signature, BODY,
                Instant.ofEpochSecond(T + 400))).isEqualTo("signature for another timestamp");
        assertThat(ReceiverSignatureCheck.refusal(SECRET, null, null, BODY, now)).isEqualTo("unsigned");
    }
}
