package dev.picket.sensor.audit;

/** Names for the error numbers the audit socket reports, so messages say what went wrong. */
final class Errno {
    private Errno() {
    }

    static String describe(int errno) {
        String name = switch (errno) {
            case 1 -> "EPERM (operation not permitted: CAP_AUDIT_CONTROL / CAP_AUDIT_READ missing, or audit is locked)";
            case 2 -> "ENOENT (no such rule or path)";
            case 13 -> "EACCES (permission denied)";
            case 17 -> "EEXIST (the rule already exists)";
            case 22 -> "EINVAL (the kernel refused the request)";
            case 93 -> "EPROTONOSUPPORT (this kernel has no audit support)";
            case 97 -> "EAFNOSUPPORT (netlink is not available here)";
            case 111 -> "ECONNREFUSED (the audit netlink socket is not reachable from this namespace)";
            default -> "errno " + errno;
        };
        return name;
    }
}
