package io.maple.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    private final WebhookTargets open = new WebhookTargets(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/x", "http://localhost:8080/", "http://10.1.2.3/", "http://172.16.0.1/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fe80::1]/",
            "http://[fd00::1]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/",
            "http://2130706433/", "http://0x7f.0.0.1/", "http://0177.0.0.1/", "http://metadata.google.internal/",
            "ftp://hooks.example/", "file:///etc/passwd", "http://user:pw@hooks.example/", "http://[64:ff9b::a00:1]/",
            "http://printer.local/", "http://LOCALHOST./"})
    void internalOrOddTargetsAreRefusedAtSubmit(String url) {
        assertThat(open.refusalAtSubmit(url)).as(url).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/maple", "http://8.8.8.8/hook", "http://[2001:4860::8888]/",
            "http://cafe.example/"})
    void publicTargetsPassWithAnEmptyList(String url) {
        assertThat(open.refusalAtSubmit(url)).as(url).isNull();
    }

    @Test
    void aListLimitsToItsHostsAndAdmitsListedPrivateOnes() {
        WebhookTargets listed = new WebhookTargets(List.of("hooks.example.com", "*.corp.example", "10.9.0.0/16",
                "127.0.0.1"));
        assertThat(listed.refusalAtSubmit("https://hooks.example.com/a")).isNull();
        assertThat(listed.refusalAtSubmit("https://a.b.corp.example/a")).isNull();
        assertThat(listed.refusalAtSubmit("http://10.9.3.4/")).isNull();
        assertThat(listed.refusalAtSubmit("http://127.0.0.1:9000/")).isNull();
        assertThat(listed.refusalAtSubmit("https://evil.example/")).contains("not among the webhook hosts");
        assertThat(listed.refusalAtSubmit("http://10.10.0.1/")).contains("not among the webhook hosts");
        assertThat(listed.refusalAtSubmit("https://corp.example.evil.com/")).contains("not among");
    }

    @Test
    void atDeliveryEveryResolvedAddressIsChecked() throws Exception {
        // a public-looking name that resolves to an internal address (DNS rebinding) is refused
        assertThat(open.refusal("rebind.example", InetAddress.getByName("127.0.0.1"))).contains("loopback");
        assertThat(open.refusal("rebind.example", InetAddress.getByName("169.254.169.254"))).isNotNull();
        assertThat(open.refusal("hooks.example", InetAddress.getByName("93.184.216.34"))).isNull();
        WebhookTargets listed = new WebhookTargets(List.of("receiver.test"));
        assertThat(listed.refusal("receiver.test", InetAddress.getByName("127.0.0.1"))).isNull();
    }
}
