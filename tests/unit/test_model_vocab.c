/*
 * test_model_vocab.c - the management-service vocabulary (src/model/vocab.c):
 * every kind has a row whose name leads back to it, names no row has are
 * SVC_UNKNOWN, and the properties the checks test sit on the kinds that
 * checks.md describes (web servers, programmable interfaces, cleartext file
 * transfer, TLS).
 */
#include "testutil.h"

#include "model/model.h"

#include <string.h>

static void every_kind_round_trips(void **state)
{
    (void)state;
    for (int k = SVC_UNKNOWN + 1; k < SVC_KIND_COUNT; k++) {
        const struct svc_kind_info *i = svc_info((enum svc_kind)k);
        assert_non_null(i->name);
        assert_int_equal(svc_kind_of(i->name), k);
    }
    assert_int_equal(svc_kind_of("no-such-service"), SVC_UNKNOWN);
    assert_int_equal(svc_kind_of(NULL), SVC_UNKNOWN);
    assert_ptr_equal(svc_info(SVC_KIND_COUNT), svc_info(SVC_UNKNOWN));
}

static void properties_follow_the_catalogue(void **state)
{
    (void)state;
    struct mgmt_service s = {0};
    s.kind = SVC_HTTP;
    assert_true(SVC_HAS(&s, SVCP_WEB));
    assert_false(SVC_HAS(&s, SVCP_TLS));
    s.kind = SVC_HTTPS;
    assert_true(SVC_HAS(&s, SVCP_WEB | SVCP_TLS));
    s.kind = SVC_NETCONF;
    assert_true(SVC_HAS(&s, SVCP_API));
    assert_false(SVC_HAS(&s, SVCP_WEB));
    s.kind = SVC_GNMI;
    assert_true(SVC_HAS(&s, SVCP_API | SVCP_GRPC));
    s.kind = SVC_TFTP_SERVER;
    assert_true(SVC_HAS(&s, SVCP_FILE_XFER));
    s.kind = SVC_SCP_SERVER;
    assert_false(SVC_HAS(&s, SVCP_FILE_XFER));
    assert_int_equal(svc_info(SVC_TELNET)->default_port, 23);
    assert_int_equal(svc_info(SVC_NETCONF)->default_port, 830);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_kind_round_trips),
        cmocka_unit_test(properties_follow_the_catalogue),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
