/*
 * Report layer: redaction of secrets in config lines of every dialect
 * (redact_line), the things it must leave alone, and the planted-secret
 * fixtures in tests/fixtures/report/ (every pattern-detectable value must
 * disappear line by line).
 */
#include "testutil.h"

#include "report/report.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static const char *red(const char *line)
{
    static char out[4096];
    return redact_line(line, strlen(line), out, sizeof(out));
}

struct redact_case {
    const char *in;
    const char *want;
};

static const struct redact_case cases[] = {
    /* Cisco IOS / IOS-XE */
    {"enable secret 9 $9$abc$def", "enable secret 9 <redacted:cisco-type9>"},
    {"enable secret 5 $1$salt$hash", "enable secret 5 <redacted:md5>"},
    {"username bob privilege 15 password 7 0822455D0A16",
     "username bob privilege 15 password 7 <redacted:cisco-type7>"},
    {"username bob secret 8 $8$salt$hash", "username bob secret 8 <redacted:cisco-type8>"},
    {" password 0 letmein", " password 0 <redacted:plaintext>"},
    {"snmp-server community s3cret RO 10", "snmp-server community <redacted:snmp-community> RO 10"},
    {"snmp-server host 10.0.0.1 version 2c trapcomm",
     "snmp-server host 10.0.0.1 version 2c <redacted:snmp-community>"},
    {"snmp-server host 10.0.0.1 informs version 2c trapcomm udp-port 162",
     "snmp-server host 10.0.0.1 informs version 2c <redacted:snmp-community> udp-port 162"},
    {"tacacs-server key 7 0605", "tacacs-server key 7 <redacted:cisco-type7>"},
    {"tacacs-server host 10.1.1.1 key mykey", "tacacs-server host 10.1.1.1 key <redacted:secret>"},
    {"crypto isakmp key 6 abc address 0.0.0.0",
     "crypto isakmp key 6 <redacted:cisco-type6> address 0.0.0.0"},
    {" ip ospf message-digest-key 1 md5 7 0110",
     " ip ospf message-digest-key 1 md5 7 <redacted:cisco-type7>"},
    {"  key-string 7 1234ABCD", "  key-string 7 <redacted:cisco-type7>"},
    {"ntp authentication-key 1 md5 ntpkey 7",
     "ntp authentication-key 1 md5 <redacted:cisco-type7> 7"},
    {"snmp-server user u g v3 auth sha authpw priv aes 128 privpw",
     "snmp-server user u g v3 auth sha <redacted:secret> priv aes 128 <redacted:secret>"},
    {" pre-shared-key address 192.0.2.1 key psk1",
     " pre-shared-key address 192.0.2.1 key <redacted:secret>"},
    /* ASA */
    {"enable password 8Ry2YjIyt7RRXU24 encrypted", "enable password <redacted:md5> encrypted"},
    {"username admin password abc pbkdf2 privilege 15",
     "username admin password <redacted:pbkdf2> pbkdf2 privilege 15"},
    {" ikev1 pre-shared-key psk2", " ikev1 pre-shared-key <redacted:secret>"},
    {"snmp-server host outside 10.0.0.1 community c0mm version 2c",
     "snmp-server host outside 10.0.0.1 community <redacted:snmp-community> version 2c"},
    /* EOS, XR */
    {"username admin secret sha512 $6$s$h", "username admin secret sha512 <redacted:sha512-crypt>"},
    {" secret 10 $6$s$h", " secret 10 <redacted:sha512-crypt>"},
    /* Junos */
    {"encrypted-password \"$6$abc$def\"; ## SECRET-DATA",
     "encrypted-password \"<redacted:sha512-crypt>\"; ## SECRET-DATA"},
    {"authentication-key \"$9$abcdef\";", "authentication-key \"<redacted:junos-type9>\";"},
    {"10.0.0.1 secret \"$9$xyz\"; ## SECRET-DATA",
     "10.0.0.1 secret \"<redacted:junos-type9>\"; ## SECRET-DATA"},
    {"community public {", "community <redacted:snmp-community> {"},
    {"set snmp community public authorization read-only",
     "set snmp community <redacted:snmp-community> authorization read-only"},
    {"pre-shared-key ascii-text \"$9$abc\";",
     "pre-shared-key ascii-text \"<redacted:junos-type9>\";"},
    /* SR OS */
    {"password \"secret1\" hash2", "password \"<redacted:sros-hash2>\" hash2"},
    {"authentication-key \"k\" hash", "authentication-key \"<redacted:sros-hash>\" hash"},
    {"community \"public\" r version both",
     "community \"<redacted:snmp-community>\" r version both"},
    /* VRP */
    {" local-user admin password irreversible-cipher $1c$abc$",
     " local-user admin password irreversible-cipher <redacted:vrp-irreversible>"},
    {" local-user ops password cipher %^%#abc%^%#",
     " local-user ops password cipher <redacted:vrp-cipher>"},
    {"snmp-agent community read ro-comm", "snmp-agent community read <redacted:snmp-community>"},
    {" authentication-mode simple pw1", " authentication-mode simple <redacted:plaintext>"},
    /* FortiOS */
    {"set password ENC SH2abc", "set password ENC <redacted:fortios-enc>"},
    {"set psksecret ENC abc==", "set psksecret ENC <redacted:fortios-enc>"},
    {"set psksecret plainpsk", "set psksecret <redacted:secret>"},
    {"set private-key \"-----BEGIN ENCRYPTED PRIVATE KEY-----",
     "set private-key \"<redacted:private-key>"},
    {"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", "<redacted:key-material>"},
    {"set mgt-config users admin phash fnRL/G5lXVMug",
     "set mgt-config users admin phash <redacted:secret>"},
    {"set system ntp authentication-key 1 type md5 value s3cr3t",
     "set system ntp authentication-key 1 type md5 value <redacted:secret>"},
    {"snmp-server host 10.0.0.1 traps version 2c encrypted 0822455D",
     "snmp-server host 10.0.0.1 traps version 2c encrypted <redacted:snmp-community>"},
    {"ntp authentication-key 1 cmac aCmacKey", "ntp authentication-key 1 cmac <redacted:secret>"},
    /* Hash shapes without a known keyword still go. */
    {"foo bar $6$salt$hashvalue", "foo bar <redacted:sha512-crypt>"},
};

/* Lines that carry no secret and must come out unchanged. */
static const char *const untouched[] = {
    "service password-encryption",
    "key chain KC1",
    " key 1",
    "crypto key generate rsa modulus 2048",
    "password encryption aes",
    "   cipher aes256-ctr aes128-ctr",
    " set community 65000:100 additive",
    "route-map OUT permit 10",
    "community CUST members [ 65000:1 ];",
    "set policy-options community CUST members 65000:1",
    "snmp-server group G v3 auth read V",
    "snmp-server group G v3 priv",
    "authentication-order [ radius password ];",
    "snmp-agent community complexity-check disable",
    "                community add MARK-A;",
    "                community set RED;",
    "ntp multicast key 1 ttl 4",
    "crypto key param rsa label abc modulus 2048",
    "set security authentication-key-chains key-chain k key 0 start-time 2017-1-1.00:00:00",
    "config system replacemsg auth \"auth-login-page\"",
    "no password strength-check",
    "                    cipher 230 {",
    "        password complexity-rules",
    "interface GigabitEthernet0/1",
    " description uplink to core",
    "hostname core-1",
    "ip ssh version 2",
    "aaa authentication login default group tacacs+ local",
    "",
};

static void test_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        const char *got = red(cases[i].in);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("redact_line(%s)\n  got  %s\n  want %s", cases[i].in, got, cases[i].want);
    }
}

static void test_untouched(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(untouched); i++) {
        const char *got = red(untouched[i]);
        if (strcmp(got, untouched[i]) != 0)
            fail_msg("redact_line changed a line without secrets:\n  in  %s\n  out %s",
                     untouched[i], got);
    }
}

static void test_truncation_and_hostile(void **state)
{
    (void)state;
    char out[16];
    redact_line("enable secret 9 $9$abcdef", 25, out, sizeof(out));
    assert_int_equal(strlen(out), 15);
    assert_null(strstr(out, "$9$"));
    /* Not NUL-terminated input: only len bytes are read. */
    const char raw[] = {'k', 'e', 'y', ' ', 'a', 'b', 'c', 'd'};
    char big[64];
    redact_line(raw, sizeof(raw), big, sizeof(big));
    assert_string_equal(big, "key <redacted:secret>");
    /* A line of many tokens keeps working. */
    struct buf b;
    buf_init(&b, 0);
    for (int i = 0; i < 600; i++)
        buf_adds(&b, "x ");
    buf_adds(&b, "password 7 TAILSECRET");
    char *o = xmalloc(b.len + 64);
    redact_line(b.data, b.len, o, b.len + 64);
    bool leaked = strstr(o, "TAILSECRET") != NULL;
    free(o);
    buf_free(&b);
    assert_false(leaked);
}

static void test_tiny_output(void **state)
{
    (void)state;
    char tiny[1];
    redact_line("password x", 10, tiny, 1);
    assert_int_equal(tiny[0], 0);
}

/* Every fixture: each value marked P in <name>.secrets is gone after redact_line. */
static void test_fixtures(void **state)
{
    (void)state;
    DIR *dir = opendir(tu_src("tests/fixtures/report"));
    assert_non_null(dir);
    struct dirent *de;
    int nfix = 0;
    while ((de = readdir(dir))) {
        size_t n = strlen(de->d_name);
        if (n < 5 || strcmp(de->d_name + n - 4, ".cfg"))
            continue;
        char rel[512];
        snprintf(rel, sizeof(rel), "tests/fixtures/report/%s", de->d_name);
        size_t len;
        char *cfg = tu_read(rel, &len);
        snprintf(rel, sizeof(rel), "tests/fixtures/report/%.*s.secrets", (int)(n - 4), de->d_name);
        char *sec = tu_read(rel, NULL);
        struct buf all;
        buf_init(&all, 0);
        for (char *line = cfg, *end; *line; line = end + (*end ? 1 : 0)) {
            end = strchr(line, '\n');
            if (!end)
                end = line + strlen(line);
            char out[8192];
            redact_line(line, (size_t)(end - line), out, sizeof(out));
            buf_adds(&all, out);
            buf_addc(&all, '\n');
            if (!*end)
                break;
        }
        int nsec = 0, nscrub = 0;
        for (char *s = strtok(sec, "\n"); s; s = strtok(NULL, "\n")) {
            nscrub += s[0] == 'S' && s[1] == ' ';
            if (s[0] != 'P' || s[1] != ' ')
                continue;
            nsec++;
            if (strstr(buf_cstr(&all), s + 2))
                fail_msg("%s: secret %s survived redaction:\n%s", de->d_name, s + 2,
                         buf_cstr(&all));
        }
        /* A fixture whose secrets only the model knows (S: scrubbed by value,
         * e.g. Terraform attributes) has no pattern-redacted ones. */
        assert_true(nsec > 0 || nscrub > 0);
        buf_free(&all);
        free(cfg);
        free(sec);
        nfix++;
    }
    closedir(dir);
    assert_true(nfix >= 10); /* every dialect and form has a fixture */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_untouched),
        cmocka_unit_test(test_truncation_and_hostile),
        cmocka_unit_test(test_tiny_output),
        cmocka_unit_test(test_fixtures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
