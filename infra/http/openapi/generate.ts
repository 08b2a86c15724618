// `npm run openapi`: the response types' schemas, then the published document and the web app's types.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateResponseSchemas, responseSchemasModule } from './response-schemas';
import {
  documentText,
  embeddedDocument,
  publishedDocumentFile,
  repositoryRoot,
  responseSchemasFile,
  webTypes,
  webTypesFile,
} from './published-document';

const schemas = generateResponseSchemas(path.join(repositoryRoot, 'tsconfig.json'));
await writeFile(responseSchemasFile, responseSchemasModule(schemas));
const say = (line: string) => process.stdout.write(`${line}\n`);
say(
  `${Object.keys(schemas).length} response schemas → ${path.relative(repositoryRoot, responseSchemasFile)}`,
);
// Read after the schemas are written: the app builds its document from them.
const document = await embeddedDocument();
await writeFile(publishedDocumentFile, documentText(document));
await writeFile(webTypesFile, await webTypes(document));
const operations = Object.values(document.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
const written = [publishedDocumentFile, webTypesFile].map((file) => path.relative(repositoryRoot, file));
say(`${operations} operations → ${written.join(', ')}`);
