package dev.ticketing.webhooks;

import dev.ticketing.Dependencies;
import dev.ticketing.config.Config;
import dev.ticketing.service.WebhookService;
import dev.ticketing.webhooks.sqs.SqsClients;
import dev.ticketing.webhooks.sqs.SqsDeliveryQueue;

/**
 * The object graph of the functions that queue or deliver webhooks: the container's {@link Dependencies} and the
 * queues named by {@code WEBHOOK_QUEUE_URL} and {@code WEBHOOK_DLQ_URL}, built once per container. A function without
 * a queue fails its initialisation.
 */
public final class WebhookDependencies {

    private WebhookDependencies() {
    }

    public static SqsDeliveryQueue queue(Config config) {
        String queueUrl = config.webhooks().queueUrl().orElseThrow(() -> new IllegalStateException(
                "Environment variable " + Config.WEBHOOK_QUEUE_URL + " is not set"));
        return new SqsDeliveryQueue(SqsClients.client(config), queueUrl, config.webhooks().deadLetterUrl()
                .orElse(null));
    }

    public static StreamDispatch dispatch(Dependencies dependencies) {
        return new StreamDispatch(dependencies.eventDispatchService(queue(dependencies.config())));
    }

    public static QueueDelivery delivery(Dependencies dependencies) {
        return new QueueDelivery(dependencies.webhookDeliveryService(new HttpWebhookTransport()),
                queue(dependencies.config()));
    }

    public static WebhookService service(Dependencies dependencies) {
        return dependencies.webhookService(queue(dependencies.config()));
    }

    public static StreamDispatch dispatch() {
        return Holder.DISPATCH;
    }

    public static QueueDelivery delivery() {
        return DeliveryHolder.DELIVERY;
    }

    public static WebhookService service() {
        return ServiceHolder.SERVICE;
    }

    private static final class Holder {
        private static final StreamDispatch DISPATCH = dispatch(Dependencies.get());
    }

    private static final class DeliveryHolder {
        private static final QueueDelivery DELIVERY = delivery(Dependencies.get());
    }

    private static final class ServiceHolder {
        private static final WebhookService SERVICE = service(Dependencies.get());
    }
}
