package io.maple.api.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.domain.EngineCategory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Configures a fresh install over HTTP: clusters, the engine versions on them, and their default confs. */
@RestController
@RequestMapping("/api/v1/admin/clusters")
@Tag(name = "admin")
class ClusterAdminController {

    private final ClusterAdminService admin;

    ClusterAdminController(ClusterAdminService admin) {
        this.admin = admin;
    }

    @GetMapping
    List<ClusterView> clusters() {
        return admin.clusters();
    }

    @PostMapping
    @Operation(summary = "Register a cluster; 409 when the name is taken")
    ResponseEntity<ClusterView> create(@Valid @RequestBody CreateClusterRequest request) {
        ClusterView created = admin.create(request);
        return ResponseEntity.created(URI.create("/api/v1/admin/clusters/" + created.name())).body(created);
    }

    @GetMapping("/{name}")
    ClusterView cluster(@PathVariable String name) {
        return admin.cluster(name);
    }

    @PutMapping("/{name}")
    ClusterView update(@PathVariable String name, @Valid @RequestBody UpdateClusterRequest request) {
        return admin.update(name, request);
    }

    @GetMapping("/{name}/engines")
    List<EngineView> engines(@PathVariable String name) {
        return admin.engines(name);
    }

    @PostMapping("/{name}/engines")
    @Operation(summary = "Register an engine version on a cluster; 409 when it is registered already")
    ResponseEntity<EngineView> createEngine(@PathVariable String name,
                                            @Valid @RequestBody CreateEngineRequest request) {
        EngineView created = admin.createEngine(name, request);
        return ResponseEntity.created(URI.create("/api/v1/admin/clusters/" + name + "/engines/"
                + created.engineCategory().wireName() + "/" + created.engineVersion())).body(created);
    }

    @GetMapping("/{name}/engines/{category}/{version}")
    EngineView engine(@PathVariable String name, @PathVariable EngineCategory category,
                      @PathVariable String version) {
        return admin.engine(name, category, version);
    }

    @PutMapping("/{name}/engines/{category}/{version}")
    EngineView updateEngine(@PathVariable String name, @PathVariable EngineCategory category,
                            @PathVariable String version, @Valid @RequestBody UpdateEngineRequest request) {
        return admin.updateEngine(name, category, version, request);
    }

    @GetMapping("/{name}/engines/{category}/{version}/default-conf")
    DefaultConfView defaultConf(@PathVariable String name, @PathVariable EngineCategory category,
                                @PathVariable String version) {
        return admin.defaultConf(name, category, version);
    }

    @PutMapping("/{name}/engines/{category}/{version}/default-conf")
    @Operation(summary = "Set the job configuration merged under every job on this cluster engine")
    DefaultConfView putDefaultConf(@PathVariable String name, @PathVariable EngineCategory category,
                                   @PathVariable String version, @RequestBody ObjectNode configuration) {
        return admin.putDefaultConf(name, category, version, configuration);
    }
}
