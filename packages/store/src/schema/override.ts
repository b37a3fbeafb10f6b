// Tables of the override subsystem (owned by its issue). Table names are prefixed vault_.
export {};
