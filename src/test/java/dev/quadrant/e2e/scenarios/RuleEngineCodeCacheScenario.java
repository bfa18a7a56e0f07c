package dev.quadrant.e2e.scenarios;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-tenant rule engine that builds each tenant's rules as dynamic proxies in the tenant's own class loader:
 * every tenant brings new generated classes whose hot methods the JIT compiles, until the code cache is full.
 */
public final class RuleEngineCodeCacheScenario {
    public interface PricingRule { int apply(int cents); }

    static final List<PricingRule> TENANT_RULES = new ArrayList<>();

    static PricingRule compileTenantRule(int tenant) {
        ClassLoader tenantLoader = new ClassLoader(RuleEngineCodeCacheScenario.class.getClassLoader()) {};
        return (PricingRule) Proxy.newProxyInstance(tenantLoader, new Class<?>[] {PricingRule.class},
                (proxy, method, args) -> (Integer) args[0] * 97 / 100 + tenant % 7);
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Scenario.daemon("tenant-onboarding", () -> {
            long revenue = 0;
            int tenant = 0;
            while (Scenario.running(start)) {
                PricingRule rule = compileTenantRule(tenant++);
                TENANT_RULES.add(rule);
                for (int i = 0; i < 20_000; i++) revenue += rule.apply(i);
            }
            if (revenue == 42) System.out.println(revenue);
        });
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
