/** Absolute path of the folder that holds index.html, openapi.json and openapi.yaml. */
export declare const siteDir: string;
