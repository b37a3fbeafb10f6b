// Tables of the rotation subsystem (owned by its issue). Table names are prefixed vault_.
export {};
