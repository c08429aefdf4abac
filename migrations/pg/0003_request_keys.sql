CREATE TABLE "request_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"expires_at" bigint NOT NULL
);
