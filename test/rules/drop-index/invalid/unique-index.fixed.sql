ALTER TABLE accounts ALTER INDEX uq_accounts_email IGNORED;
