package cn.gov.jx.majorprojects.issues.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The outbox relay and the escalation sweep run on timers; tests switch them off and drive them.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "issues.scheduling-enabled",
    havingValue = "true",
    matchIfMissing = true)
class SchedulingConfiguration {}
