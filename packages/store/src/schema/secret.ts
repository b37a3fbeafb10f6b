// Tables of the secret subsystem (owned by its issue). Table names are prefixed vault_.
export {};
