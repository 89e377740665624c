-- Offline work (issue #17): the key that encrypts a session's copy of the village on the
-- device (IndexedDB, AES-GCM). Random per session, made on first request, held here and in
-- the browser's memory/sessionStorage only; when the session ends (sign-out, revocation,
-- expiry) the server no longer hands it out, so what the device holds cannot be read again.
ALTER TABLE user_session ADD COLUMN offline_key text;
