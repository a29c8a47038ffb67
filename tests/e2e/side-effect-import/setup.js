globalThis.__setting = "configured";
