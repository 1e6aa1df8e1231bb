-- The narahubung's mobile number, stored with their account (issue 15: the monev board's WhatsApp reminder).
-- Normalised as 62… (digits only, no plus, no leading 0: users/phone.ts normalisePhone), NULL when none is known.
ALTER TABLE users ADD COLUMN phone TEXT CHECK (phone IS NULL OR (phone GLOB '628[0-9]*' AND length(phone) BETWEEN 11 AND 14));
