// Files uploaded in pieces and stored in PostgreSQL (award dossiers, periodic reports' attachments): the type
// read from the content, the rules of each piece and of the whole file, the piece table's SQL, the download name.
export * from './media-types';
export * from './zip-entries';
export * from './pieces';
export * from './piece-store';
export * from './content-disposition';
