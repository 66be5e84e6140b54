console.log("admin app asset for tests");
