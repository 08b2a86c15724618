export { renderTracePicture, textFileFor, type TracePicture, type TracePictureRequest } from './render';
export {
  causalPath,
  childrenById,
  fromFinishedSpan,
  type FinishedSpan,
  type SpanKindName,
  type TraceSpan,
} from './trace-spans';
export {
  waterfall,
  type Caller,
  type RowKind,
  type Waterfall,
  type WaterfallOptions,
  type WaterfallRow,
} from './waterfall';
export { pageHeight, pageLayout, waterfallPage } from './waterfall-page';
export { waterfallText } from './waterfall-text';
