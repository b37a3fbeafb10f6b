// Tables of the auth subsystem (owned by its issue). Table names are prefixed vault_.
export {};
