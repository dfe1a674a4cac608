package io.maple.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.domain.EngineCategory;
import io.maple.persistence.cluster.ClusterEngineRecord;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ClusterAdminIT extends ApiIntegrationTest {

    /** The seed's spark ext_info, verbatim in shape (two of its forbidden confs). */
    static final String SEED_SPARK_EXT_INFO = """
            {"envs":{"HADOOP_HOME":"/opt/hadoop","HADOOP_CONF_DIR":"/etc/hadoop/conf","YARN_CONF_DIR":"/etc/hadoop/conf"},
             "forbiddenConfs":[
               {"name":"spark.yarn.queue","replaceParameter":"--queue","desc":"YARN 队列"},
               {"name":"spark.driver.memory","replaceParameter":"--driver-memory","desc":"Spark driver 内存"}]}""";

    @Autowired
    ClusterMapper clusters;

    private static String newName() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void clusterCanBeCreatedReadListedAndUpdated() throws Exception {
        String name = newName();
        HttpApi.Response created = http.post("/api/v1/admin/clusters", """
                {"name":"%s","category":"YARN","config":{"rm":"localhost:18032","hadoopConfDir":"/etc/hadoop"},
                 "description":"test cluster"}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/v1/admin/clusters/" + name);
        assertThat(created.json().get("config").get("rm").asText()).isEqualTo("localhost:18032");

        HttpApi.Response read = http.get("/api/v1/admin/clusters/" + name);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("category").asText()).isEqualTo("YARN");
        assertThat(read.json().get("description").asText()).isEqualTo("test cluster");
        assertThat(http.get("/api/v1/admin/clusters").json().findValuesAsText("name")).contains(name, CLUSTER);

        HttpApi.Response updated = http.put("/api/v1/admin/clusters/" + name,
                "{\"category\":\"K8S\",\"config\":{\"kubeconfig\":\"/root/.kube/config\"}}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        ClusterRecord row = clusters.findClusterByName(name);
        assertThat(row.category().name()).isEqualTo("K8S");
        assertThat(json.readTree(row.config()).get("kubeconfig").asText()).isEqualTo("/root/.kube/config");
        assertThat(row.description()).isNull();

        HttpApi.Response again = http.post("/api/v1/admin/clusters", "{\"name\":\"" + name + "\",\"category\":\"LOCAL\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void engineKeepsTheSeedsExtInfoShapeAndCanBeUpdated() throws Exception {
        String name = newName();
        http.post("/api/v1/admin/clusters", "{\"name\":\"" + name + "\",\"category\":\"YARN\"}");
        HttpApi.Response created = http.post("/api/v1/admin/clusters/" + name + "/engines", """
                {"engineCategory":"spark","engineVersion":"3.5.5","engineHome":"/opt/spark","extInfo":%s}"""
                .formatted(SEED_SPARK_EXT_INFO));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/v1/admin/clusters/" + name + "/engines/spark/3.5.5");

        long clusterId = clusters.findClusterByName(name).id();
        ClusterEngineRecord row = clusters.findEngine(clusterId, EngineCategory.SPARK, "3.5.5");
        assertThat(json.readTree(row.extInfo())).isEqualTo(json.readTree(SEED_SPARK_EXT_INFO));
        assertThat(row.engineHome()).isEqualTo("/opt/spark");

        HttpApi.Response read = http.get("/api/v1/admin/clusters/" + name + "/engines/SPARK/3.5.5");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("extInfo")).isEqualTo(json.readTree(SEED_SPARK_EXT_INFO));

        HttpApi.Response updated = http.put("/api/v1/admin/clusters/" + name + "/engines/spark/3.5.5",
                "{\"engineHome\":\"/opt/spark-3.5.5\",\"extInfo\":{\"envs\":{\"HADOOP_CLASSPATH\":\"/a/*\"}}}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode stored = json.readTree(clusters.findEngine(clusterId, EngineCategory.SPARK, "3.5.5").extInfo());
        // both keys are always present, as in the seed's flink example with its empty forbiddenConfs
        assertThat(stored).isEqualTo(json.readTree("{\"envs\":{\"HADOOP_CLASSPATH\":\"/a/*\"},\"forbiddenConfs\":[]}"));

        assertThat(http.post("/api/v1/admin/clusters/" + name + "/engines",
                "{\"engineCategory\":\"spark\",\"engineVersion\":\"3.5.5\"}").status()).isEqualTo(409);
        assertThat(http.get("/api/v1/admin/clusters/" + name + "/engines").json()).hasSize(1);
        assertThat(http.get("/api/v1/admin/clusters/" + name + "/engines/flink/3.5.5").status()).isEqualTo(404);
    }

    @Test
    void defaultConfIsSetReplacedAndRead() throws Exception {
        String name = newName();
        http.post("/api/v1/admin/clusters", "{\"name\":\"" + name + "\",\"category\":\"YARN\"}");
        http.post("/api/v1/admin/clusters/" + name + "/engines", "{\"engineCategory\":\"flink\",\"engineVersion\":\"1.20.1\"}");
        String path = "/api/v1/admin/clusters/" + name + "/engines/flink/1.20.1/default-conf";
        assertThat(http.get(path).status()).isEqualTo(404);

        HttpApi.Response put = http.put(path, "{\"conf\":{\"taskmanager.memory.process.size\":\"1024m\"}}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        HttpApi.Response replaced = http.put(path, "{\"executorMemory\":\"2g\",\"conf\":{\"a\":1}}");
        assertThat(replaced.status()).isEqualTo(200);

        JsonNode read = http.get(path).json();
        assertThat(read.get("configuration")).isEqualTo(json.readTree("{\"executorMemory\":\"2g\",\"conf\":{\"a\":1}}"));
        long engineId = clusters.findEngine(clusters.findClusterByName(name).id(), EngineCategory.FLINK, "1.20.1").id();
        assertThat(json.readTree(clusters.findDefaultConf(engineId).configuration()).get("executorMemory").asText())
                .isEqualTo("2g");
    }

    @Test
    void badAdminInputIsNamed() {
        String name = newName();
        HttpApi.Response category = http.post("/api/v1/admin/clusters", "{\"name\":\"" + name + "\",\"category\":\"MESOS\"}");
        assertThat(category.status()).isEqualTo(400);
        assertThat(category.contentType()).startsWith("application/problem+json");
        assertThat(category.json().get("field").asText()).isEqualTo("category");
        assertThat(category.json().get("detail").asText()).contains("YARN, K8S, LOCAL");

        assertThat(http.post("/api/v1/admin/clusters", "{\"name\":\"bad name/x\",\"category\":\"YARN\"}")
                .json().get("field").asText()).isEqualTo("name");
        assertThat(http.post("/api/v1/admin/clusters", "{\"name\":\"" + name + "\",\"category\":\"YARN\",\"config\":\"x\"}")
                .json().get("field").asText()).isEqualTo("config");

        http.post("/api/v1/admin/clusters", "{\"name\":\"" + name + "\",\"category\":\"YARN\"}");
        HttpApi.Response forbidden = http.post("/api/v1/admin/clusters/" + name + "/engines",
                "{\"engineCategory\":\"spark\",\"engineVersion\":\"3.5.5\",\"extInfo\":{\"forbiddenConfs\":[{\"desc\":\"x\"}]}}");
        assertThat(forbidden.status()).isEqualTo(400);
        assertThat(forbidden.json().get("field").asText()).isEqualTo("extInfo.forbiddenConfs[0].name");
        HttpApi.Response engine = http.post("/api/v1/admin/clusters/" + name + "/engines",
                "{\"engineCategory\":\"hive\",\"engineVersion\":\"3\"}");
        assertThat(engine.json().get("field").asText()).isEqualTo("engineCategory");

        HttpApi.Response missing = http.get("/api/v1/admin/clusters/no-such-cluster");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/v1/admin/clusters/no-such-cluster/engines",
                "{\"engineCategory\":\"spark\",\"engineVersion\":\"3.5.5\"}").status()).isEqualTo(404);
    }
}
