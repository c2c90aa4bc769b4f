// The baseline of `npm run bench:types`: a program that imports nothing. With `skipLibCheck:
// false` the compiler checks its own lib files (lib.dom.d.ts is most of it) whatever the
// program imports; the figures of the other programs above this one are what the client costs.
export {};
