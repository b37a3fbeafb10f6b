// Tables of the flag subsystem (owned by its issue). Table names are prefixed vault_.
export {};
