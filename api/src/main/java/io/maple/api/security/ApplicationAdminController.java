package io.maple.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin: register calling applications; the generated key is in the creation answer only. */
@RestController
@RequestMapping("/api/v1/admin/apps")
@Tag(name = "admin")
class ApplicationAdminController {

    private final Applications applications;

    ApplicationAdminController(Applications applications) {
        this.applications = applications;
    }

    /**
     * @param legalHosts   CIDRs the app may call from; empty: any host
     * @param webhookHosts host names or CIDRs its webhooks may reach, private ones included when listed
     */
    record CreateApplicationRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                    message = "letters, digits, '.', '_' and '-' only") String name,
            boolean admin,
            @Size(max = 100) List<@NotBlank @Size(max = 64) String> legalHosts,
            @Size(max = 100) List<@NotBlank @Size(max = 255) String> webhookHosts,
            @Size(max = 512) String description) {
    }

    /** An application as shown to admins: never its key or hash. */
    record ApplicationView(String name, boolean admin, List<String> legalHosts, List<String> webhookHosts,
                           String description, Instant createTime) {
    }

    record CreatedApplication(ApplicationView application, String key) {
    }

    @PostMapping
    @Operation(summary = "Register an application; the answer holds its key, shown this once; 409 when the name is taken")
    ResponseEntity<CreatedApplication> create(@Valid @RequestBody CreateApplicationRequest request) {
        List<String> legal = request.legalHosts() == null ? List.of() : request.legalHosts();
        for (int i = 0; i < legal.size(); i++) {
            try {
                CidrRange.parse(legal.get(i));
            } catch (IllegalArgumentException e) {
                throw new io.maple.api.web.BadRequestException("legalHosts[" + i + "]", e.getMessage());
            }
        }
        Applications.Created created = applications.create(request.name(), request.admin(), legal,
                request.webhookHosts() == null ? List.of() : request.webhookHosts(), request.description());
        return ResponseEntity.created(URI.create("/api/v1/admin/apps/" + request.name()))
                .body(new CreatedApplication(view(created.application()), created.key()));
    }

    @GetMapping
    List<ApplicationView> list() {
        return applications.all().stream().map(this::view).toList();
    }

    private ApplicationView view(io.maple.persistence.application.ApplicationRecord a) {
        return new ApplicationView(a.appName(), Boolean.TRUE.equals(a.admin()), applications.legalHosts(a),
                applications.webhookHosts(a), a.description(), a.createTime());
    }
}
