import { useNavigate } from 'react-router';
import { toast } from 'sonner';

/** Says a record is created, with a way to open its page. */
export function useCreatedToast() {
  const navigate = useNavigate();
  return (message: string, path: string) => toast.success(message, { action: { label: 'Open', onClick: () => void navigate(path) } });
}
