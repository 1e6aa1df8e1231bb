/** Put in front of worker.js by src/web/root-files.ts when it serves /sw.js: a fingerprint of the offline page's files. */
declare var VERSION: string;
