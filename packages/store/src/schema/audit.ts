// Tables of the audit subsystem (owned by its issue). Table names are prefixed vault_.
export {};
