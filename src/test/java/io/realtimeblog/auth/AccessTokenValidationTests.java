package io.realtimeblog.auth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.users.Role;

/** Only tokens this application signed with HS256, unexpired and unaltered, of an enabled user, get in. */
@IntegrationTest
class AccessTokenValidationTests extends AbstractIntegrationTest {

    @Autowired
    JwtConfiguration.AccessTokenKey key;

    @Autowired
    AuthProperties properties;

    Staff editor;

    @BeforeEach
    void setUp() {
        editor = accounts.create(Role.EDITOR);
    }

    @Test
    void aTokenSignedWithOurKeyIsAccepted() throws Exception {
        String token = sign(claims(editor.id(), Instant.now().plusSeconds(300)).build(), key.secret().getEncoded());

        me(token).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(editor.id().toString()));
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRejected() throws Exception {
        String token = new PlainJWT(claims(editor.id(), Instant.now().plusSeconds(300)).build()).serialize();

        expectUnauthorizedProblem(me(token));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String token = sign(claims(editor.id(), Instant.now().plusSeconds(300)).build(), otherKey);

        expectUnauthorizedProblem(me(token));
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        String token = sign(claims(editor.id(), Instant.now().minusSeconds(3600)).issueTime(
                Date.from(Instant.now().minusSeconds(7200))).build(), key.secret().getEncoded());

        expectUnauthorizedProblem(me(token));
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() throws Exception {
        String token = sign(claims(editor.id(), Instant.now().plusSeconds(300)).issuer("someone-else").build(),
                key.secret().getEncoded());

        expectUnauthorizedProblem(me(token));
    }

    @Test
    void aTokenWhoseRoleClaimWasEditedIsRejected() throws Exception {
        SignedJWT original = SignedJWT.parse(editor.token());
        JWTClaimsSet promoted = new JWTClaimsSet.Builder(original.getJWTClaimsSet()).claim("role", "ADMIN").build();
        String tampered = new SignedJWT(original.getHeader().toBase64URL(),
                Base64URL.encode(promoted.toString()), original.getSignature()).serialize();

        expectUnauthorizedProblem(mvc.perform(get("/api/users")
                .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(tampered))));
        expectUnauthorizedProblem(me(tampered));
    }

    @Test
    void aTokenOfAnUnknownUserIsRejected() throws Exception {
        String token = sign(claims(UUID.randomUUID(), Instant.now().plusSeconds(300)).build(),
                key.secret().getEncoded());

        expectUnauthorizedProblem(me(token));
    }

    @Test
    void aGarbageTokenIsRejected() throws Exception {
        expectUnauthorizedProblem(me("not-a-jwt"));
    }

    @Test
    void aTokenOfAUserDisabledAfterLoginIsRejectedAtOnce() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        me(author.token()).andExpect(status().isOk());

        disable(author);

        expectUnauthorizedProblem(me(author.token()));
    }

    @Test
    void aRoleChangeTakesEffectAtOnceForTokensAlreadyIssued() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        mvc.perform(get("/api/users").header(HttpHeaders.AUTHORIZATION, author.bearer()))
                .andExpect(status().isForbidden());

        mvc.perform(patch("/api/users/" + author.id()).header(HttpHeaders.AUTHORIZATION, adminBearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"ADMIN\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/users").header(HttpHeaders.AUTHORIZATION, author.bearer()))
                .andExpect(status().isOk());
    }

    @Test
    void noTokenAtAllIsUnauthorized() throws Exception {
        expectUnauthorizedProblem(mvc.perform(get("/api/users/me")))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    private JWTClaimsSet.Builder claims(UUID subject, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .subject(subject.toString())
                .issuer(properties.issuer())
                .claim("name", "Someone")
                .claim("role", "EDITOR")
                .issueTime(new Date())
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(JWTClaimsSet claims, byte[] secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private ResultActions me(String token) throws Exception {
        return mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(token)));
    }

    private static ResultActions expectUnauthorizedProblem(ResultActions result) throws Exception {
        return result.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    private void disable(Staff staff) throws Exception {
        mvc.perform(patch("/api/users/" + staff.id()).header(HttpHeaders.AUTHORIZATION, adminBearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}"))
                .andExpect(status().isOk());
    }

    private String adminBearer() {
        return TestAccounts.bearer(accounts.adminToken());
    }
}
