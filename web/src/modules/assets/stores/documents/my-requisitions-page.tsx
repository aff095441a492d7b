import { DocumentsList } from './documents-page.tsx';

/** 我的领用: a requester's own requisitions and where each one stands. */
export default function MyRequisitionsPage() {
  return <DocumentsList mine />;
}
