"use client";
// The swarm's webhook for healing commands: URL and signing secret (the secret is write-only), or removal.
import { type FormEvent, useState } from "react";
import { useSaveWebhook, useWebhook } from "@/lib/browser/api/settings";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field, fieldErrors, SaveBar, SectionCard } from "./form-controls";

/** Webhook URL + secret form. */
export function WebhookSection({ swarm }: { swarm: string }) {
  const webhook = useWebhook(swarm);
  const save = useSaveWebhook(swarm);
  const [url, setUrl] = useState<string | null>(null);
  const [secret, setSecret] = useState("");
  const shownUrl = url ?? webhook.data?.url ?? "";

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ url: shownUrl, secret }, { onSuccess: () => (setSecret(""), setUrl(null)) });
  };
  return (
    <SectionCard
      id="webhook"
      title="Webhook"
      description="Healing commands are POSTed to this URL, signed with X-Swarm-Medic-Signature (HMAC-SHA256 of the body with the secret). Without a webhook, coordinators pull commands."
    >
      {webhook.isPending ? (
        <div className="h-20 animate-pulse rounded-md bg-slate-200 dark:bg-slate-800" aria-busy="true" aria-label="Loading webhook" />
      ) : webhook.error ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          Could not load the webhook: {webhook.error.message}
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="webhook-url" label="URL" errors={fieldErrors(save.error, "url")}>
              <Input
                id="webhook-url"
                type="url"
                size="roomy"
                value={shownUrl}
                onChange={(e) => setUrl(e.target.value)}
                placeholder="https://coordinator.example/swarm-medic"
              />
            </Field>
            <Field
              id="webhook-secret"
              label="Secret"
              hint={webhook.data?.secret_set ? "A secret is set; enter a new one to save changes." : "At least 16 characters."}
              errors={fieldErrors(save.error, "secret")}
            >
              <Input
                id="webhook-secret"
                type="password"
                autoComplete="new-password"
                size="roomy"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
                aria-describedby="webhook-secret-hint"
              />
            </Field>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <SaveBar label="Save webhook" state={save} testId="save-webhook" />
            {webhook.data?.url && (
              <Button
                variant="danger"
                size="sm"
                disabled={save.isPending}
                onClick={() => save.mutate(null, { onSuccess: () => setUrl(null) })}
              >
                Remove webhook
              </Button>
            )}
          </div>
        </form>
      )}
    </SectionCard>
  );
}
