# Multi-stage build of Maple's api and worker images from this repository:
#   docker build --target api -t maple-api .      docker build --target worker -t maple-worker .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -DskipTests package -pl api,worker -am

FROM eclipse-temurin:17-jre AS runtime-base
RUN useradd --system --uid 10001 maple && mkdir -p /var/lib/maple && chown maple /var/lib/maple
WORKDIR /opt/maple
USER maple

FROM runtime-base AS api
COPY --from=build /src/api/target/maple-api-*-exec.jar /opt/maple/maple-api.jar
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=12 CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/maple/maple-api.jar"]

FROM runtime-base AS worker
COPY --from=build /src/worker/target/maple-worker-*-exec.jar /opt/maple/maple-worker.jar
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=3s --retries=12 CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/maple/maple-worker.jar"]
