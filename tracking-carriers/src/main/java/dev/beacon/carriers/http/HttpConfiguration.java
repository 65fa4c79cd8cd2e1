package dev.beacon.carriers.http;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CarriersHttpConfiguration.class)
class HttpConfiguration {

}
