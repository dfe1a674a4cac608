package io.maple.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Secrets stored in cluster config, default confs and jobs never come back in admin answers or /render. */
@ExtendWith(OutputCaptureExtension.class)
class SecretRedactionIT extends ApiIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void clusterConfigAndDefaultConfShowSecretsAsStars(CapturedOutput output) {
        String name = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        HttpApi.Response created = http.post("/api/v1/admin/clusters", "{\"name\":\"" + name + "\",\"category\":\"YARN\","
                + "\"config\":{\"hadoopConfDir\":\"/etc/hadoop/conf\",\"token\":\"tok-SECRET-1\","
                + "\"kerberos\":{\"principal\":\"maple@EXAMPLE\",\"keytab\":\"/etc/security/SECRET-2.keytab\"},"
                + "\"kubeconfig\":{\"users\":[{\"token\":\"SECRET-3\"}]},\"dbPassword\":\"SECRET-4\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        for (HttpApi.Response r : new HttpApi.Response[] {created, http.get("/api/v1/admin/clusters/" + name),
            http.get("/api/v1/admin/clusters")}) {
            assertThat(r.body()).doesNotContain("SECRET-").contains("/etc/hadoop/conf").contains("maple@EXAMPLE");
        }
        var config = http.get("/api/v1/admin/clusters/" + name).json().get("config");
        assertThat(config.get("token").asText()).isEqualTo("***");
        assertThat(config.get("kerberos").get("keytab").asText()).isEqualTo("***");
        assertThat(config.get("kubeconfig").asText()).isEqualTo("***");

        // what GET showed, sent back with one change, keeps the stored secrets (they are not overwritten by ***)
        ObjectNode edited = (ObjectNode) http.get("/api/v1/admin/clusters/" + name).json();
        ((ObjectNode) edited.get("config")).put("hadoopConfDir", "/etc/hadoop/conf2");
        assertThat(http.put("/api/v1/admin/clusters/" + name, edited.toString()).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT config FROM maple_cluster WHERE name = ?", String.class, name))
                .contains("tok-SECRET-1", "SECRET-2", "SECRET-3", "SECRET-4", "/etc/hadoop/conf2");

        http.post("/api/v1/admin/clusters/" + name + "/engines",
                "{\"engineCategory\":\"spark\",\"engineVersion\":\"" + SPARK_VERSION + "\",\"engineHome\":\"/opt/spark\"}");
        HttpApi.Response conf = http.put("/api/v1/admin/clusters/" + name + "/engines/spark/" + SPARK_VERSION
                + "/default-conf", "{\"conf\":{\"spark.ssl.keyStorePassword\":\"SECRET-5\",\"spark.ui.port\":\"4050\"}}");
        assertThat(conf.status()).as(conf.body()).isEqualTo(200);
        assertThat(conf.body()).doesNotContain("SECRET-5").contains("4050");
        assertThat(output.getAll()).doesNotContain("SECRET-").doesNotContain(HttpApi.ADMIN_KEY);
    }

    @Test
    void renderMasksSecretValuesOfTheJob(CapturedOutput output) {
        ObjectNode body = submission(newApp(), "render-secret");
        ((ObjectNode) body.get("job").get("conf")).put("spark.hadoop.fs.s3a.secret.key", "S3-SECRET-VALUE-6")
                .put("spark.executor.memoryOverhead", "512m");
        HttpApi.Response r = http.post("/api/v1/executions/render", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String script = r.json().get("script").asText();
        assertThat(script).contains("spark.hadoop.fs.s3a.secret.key=***").doesNotContain("S3-SECRET-VALUE-6")
                .contains("spark.executor.memoryOverhead=512m");
        assertThat(output.getAll()).doesNotContain("S3-SECRET-VALUE-6");
    }
}
