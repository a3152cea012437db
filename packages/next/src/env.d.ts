// CSS modules and global stylesheets, as Next.js compiles them (the types of next-env.d.ts in an app).
/// <reference types="next" />
