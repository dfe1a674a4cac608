package io.maple.activities.launch.yarn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class YarnClusterConfigTest {

    @Test
    void severalRmAddressesConfigureResourceManagerHa() {
        YarnClusterConfig c = YarnClusterConfig.parse("""
                {"rmAddresses": ["rm-a:8032", "rm-b:8032"], "clusterId": "prod",
                 "properties": {"yarn.client.failover-max-attempts": "2"}, "unknownKey": 1}""");
        Configuration conf = c.toHadoopConfiguration();

        assertThat(c.highAvailability()).isTrue();
        assertThat(conf.getBoolean("yarn.resourcemanager.ha.enabled", false)).isTrue();
        assertThat(conf.get("yarn.resourcemanager.ha.rm-ids")).isEqualTo("rm1,rm2");
        assertThat(conf.get("yarn.resourcemanager.address.rm2")).isEqualTo("rm-b:8032");
        assertThat(conf.get("yarn.resourcemanager.cluster-id")).isEqualTo("prod");
        assertThat(conf.get("yarn.client.failover-max-attempts")).isEqualTo("2");
    }

    @Test
    void oneAddressIsAPlainRmAndKerberosNeedsBothHalves() {
        Configuration conf = YarnClusterConfig.parse("{\"rmAddresses\": [\"rm:8032\"]}").toHadoopConfiguration();
        assertThat(conf.get("yarn.resourcemanager.address")).isEqualTo("rm:8032");
        assertThat(conf.getBoolean("yarn.resourcemanager.ha.enabled", false)).isFalse();

        assertThatThrownBy(() -> YarnClusterConfig.parse("{\"rmAddresses\": [\"rm:8032\"], \"principal\": \"m@R\"}"))
                .hasMessageContaining("principal and keytab");
        assertThatThrownBy(() -> YarnClusterConfig.parse("{}")).hasMessageContaining("hadoopConfDir or rmAddresses");
        assertThat(YarnClusterConfig.parse("{\"rmAddresses\": [\"rm:1\"], \"principal\": \"m@R\", \"keytab\": \"/k\"}")
                .toHadoopConfiguration().get("hadoop.security.authentication")).isEqualTo("kerberos");
    }

    @Test
    void aClusterWithoutConfDirWritesOnlyWhatItStatesAsAClientConf(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        YarnClusterConfig c = YarnClusterConfig.parse("""
                {"rmAddresses": ["rm-a:8032", "rm-b:8032"], "properties": {"fs.defaultFS": "hdfs://nn:8020"}}""");
        c.writeClientConf(dir);

        for (String file : java.util.List.of("core-site.xml", "yarn-site.xml")) {
            Configuration read = new Configuration(false);
            read.addResource(new org.apache.hadoop.fs.Path(dir.resolve(file).toUri()));
            assertThat(read.get("yarn.resourcemanager.address.rm1")).as(file).isEqualTo("rm-a:8032");
            assertThat(read.get("yarn.resourcemanager.ha.enabled")).as(file).isEqualTo("true");
            assertThat(read.get("fs.defaultFS")).as(file).isEqualTo("hdfs://nn:8020");
            // no Hadoop defaults copied in: the nodes' own values stay in force
            assertThat(read.get("yarn.resourcemanager.scheduler.address")).as(file).isNull();
            assertThat(read.size()).as(file).isEqualTo(c.statedSettings().size());
        }
    }

    @Test
    void anUnreachableRmIsGivenUpOnWithinSecondsUnlessTheSiteSaysOtherwise() throws Exception {
        Configuration bounded = YarnClusterConfig.parse("{\"rmAddresses\": [\"rm:8032\"]}").toHadoopConfiguration();
        assertThat(bounded.getLong("yarn.resourcemanager.connect.max-wait.ms", -1)).isEqualTo(15_000);
        assertThat(bounded.getInt("ipc.client.connect.max.retries", -1)).isEqualTo(2);

        java.nio.file.Path confDir = java.nio.file.Files.createTempDirectory("yarn-conf");
        java.nio.file.Files.writeString(confDir.resolve("yarn-site.xml"), """
                <?xml version="1.0"?>
                <configuration>
                  <property><name>yarn.resourcemanager.connect.max-wait.ms</name><value>60000</value></property>
                </configuration>
                """);
        Configuration site = YarnClusterConfig.parse("{\"hadoopConfDir\": \"" + confDir
                + "\", \"properties\": {\"ipc.client.connect.max.retries\": \"5\"}}").toHadoopConfiguration();
        assertThat(site.getLong("yarn.resourcemanager.connect.max-wait.ms", -1)).isEqualTo(60_000);
        assertThat(site.getInt("ipc.client.connect.max.retries", -1)).isEqualTo(5);
        assertThat(site.getLong("yarn.resourcemanager.connect.retry-interval.ms", -1)).isEqualTo(5_000);
    }
}
