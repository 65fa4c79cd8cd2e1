# Build: docker build -t beacon .   (or docker compose up)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 beacon
COPY --from=build /src/tracking-app/target/beacon.jar /app/beacon.jar
USER beacon
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/beacon.jar"]
