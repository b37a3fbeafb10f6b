// Tables of the config subsystem (owned by its issue). Table names are prefixed vault_.
export {};
