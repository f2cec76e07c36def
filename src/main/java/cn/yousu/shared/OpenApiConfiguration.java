package cn.yousu.shared;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs (browsable at /swagger-ui.html), with bearer sign-in. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Yousu 有诉即办 API", version = "v1",
        description = "营商环境投诉处理平台接口。员工接口需要 Authorization: Bearer <token>（POST /api/v1/auth/token 获取）；"
                + "/api/v1/public/** 无需登录。错误以 RFC 9457 application/problem+json 返回。"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class OpenApiConfiguration {
}
