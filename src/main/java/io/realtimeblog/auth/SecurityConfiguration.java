package io.realtimeblog.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import io.realtimeblog.users.Role;

/**
 * Stateless bearer-token security for the API. Every {@code /api/**} path needs an access token except login,
 * refresh and logout; everything outside {@code /api/**} (public pages, admin assets, the WebSocket endpoint) is
 * open here and does its own checks. Rules by role live next to the endpoints ({@code @PreAuthorize}). A user who
 * must change a one-time password may only read their account and change the password ({@link PasswordChangeGate}).
 * <p>
 * The actuator on the main port: health answers anyone, with the status only unless the caller is an ADMIN
 * ({@code management.endpoint.health.show-details: when-authorized}); every other endpoint (Prometheus) needs an
 * ADMIN token. On a separate management port ({@code management.server.port}) every caller counts as an
 * operator and sees everything: keep that port on an internal network (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No Spring Security observations. Without this, with metrics on, Spring Security wraps every filter of every
     * request in an observation (made a no-op by {@code management.observations.enable.spring.security=false}, but
     * still built and started twice per filter): measurable on the write path (docs/benchmarks.md), and no
     * tracing backend collects them. The request's own observation ({@code http.server.requests}) is Spring MVC's
     * and stays.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain managementPortSecurity(HttpSecurity http, ManagementPort managementPort) throws Exception {
        http.securityMatcher(managementPort::matches)
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ManagementPortAuthentication(), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, ActorAuthenticationConverter converter,
            SecurityProblemHandler problems) throws Exception {
        // No cookie authenticates an API call; the refresh cookie is SameSite=Strict, and refresh and logout also
        // require a same-origin signal (SameOriginSignal).
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/auth/login", "/api/auth/refresh", "/api/auth/logout").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/users/me").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/users/me/password").authenticated()
                        .requestMatchers("/api/**").access(new PasswordChangeGate())
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }
}
