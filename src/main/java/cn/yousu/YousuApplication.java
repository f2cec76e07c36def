package cn.yousu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Yousu 有诉即办: the business-environment complaint platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class YousuApplication {

    public static void main(String[] args) {
        SpringApplication.run(YousuApplication.class, args);
    }
}
