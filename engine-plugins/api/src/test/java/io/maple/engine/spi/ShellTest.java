package io.maple.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellTest {

    @Test
    void aQuotedValueComesBackFromBashUnchanged() throws Exception {
        for (String value : List.of("", "plain", "it's", "'''", "a\"b", "$(id)", "`id`", "a;b", "x\ny\n", "\\", "*",
                "--conf x=y", "ünï €", "'$(touch /tmp/x)'")) {
            Process bash = new ProcessBuilder("bash", "-c", "printf %s " + Shell.quote(value)).start();
            String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor()).isZero();
            assertThat(out).isEqualTo(value);
        }
    }

    @Test
    void aNulIsRefused() {
        assertThatThrownBy(() -> Shell.quote("a\0b")).isInstanceOf(InvalidJobException.class);
    }

    @Test
    void namesAreSanitized() {
        assertThat(Names.applicationName(3, "a b;c$(d)")).isEqualTo("maple-3-a_b_c_d");
        assertThat(Names.applicationName(3, "'''")).isEqualTo("maple-3");
        assertThat(Names.applicationName(3, "x".repeat(300))).hasSize(100);
        assertThat(Names.applicationTag(12)).isEqualTo("maple-id=12");
        assertThat(Names.resourceName(12)).isEqualTo("maple-12");
        assertThat(Shell.isEnvName("HADOOP_CONF_DIR")).isTrue();
        assertThat(Shell.isEnvName("A;B")).isFalse();
    }
}
