import { Sparkles } from 'lucide-react';
import { toast } from 'sonner';
import { describeError } from '../../lib/api-client';
import { useLoadSampleData } from '../../lib/sample-data';
import { Button } from '../ui/Button';

/** For a new organization: a realistic sample set to try the CRM with. */
export function SampleDataButton() {
  const load = useLoadSampleData();
  return (
    <Button
      variant="secondary"
      icon={<Sparkles />}
      loading={load.isPending}
      onClick={() =>
        load.mutate(undefined, {
          onSuccess: (result) => toast.success(`Sample data loaded: ${result.companies} companies, ${result.contacts} contacts and ${result.deals} deals.`),
          onError: (error) => toast.error(describeError(error)),
        })
      }
    >
      Load sample data
    </Button>
  );
}
