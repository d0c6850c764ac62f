# Runs the same granary.jar that `mvn package` builds (build it first: ./scripts/run or
# `mvn -B -DskipTests package`). The node's home is a volume; everything it persists lives there.
FROM eclipse-temurin:21-jre

RUN useradd --system --home-dir /var/lib/granary --create-home granary
COPY frontend/target/granary.jar /opt/granary/granary.jar

ENV GRANARY_HOME=/var/lib/granary
VOLUME ["/var/lib/granary"]
EXPOSE 8080
USER granary

# SIGTERM (docker stop) stops the node in order and exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/granary/granary.jar"]
# Inside a container the node must listen beyond loopback; compose publishes the port on the host's loopback.
CMD ["run", "--home", "/var/lib/granary", "--listen", "0.0.0.0:8080"]
